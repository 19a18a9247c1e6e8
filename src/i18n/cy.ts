// Welsh. Strings not yet translated fall back to English; translations are added here as they are reviewed.
export const cy: Record<string, string> = {};
