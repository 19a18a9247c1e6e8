// A work queue on the staff home page, as home.njk shows it. Any feature may build one (volunteers' alerts, meetings'
// requests); home only gathers them, so the features need nothing from home.
export type QueueItem = { text: string; href?: string; hint?: string; tag?: { text: string; classes: string } };
export type Queue = {
  id: string;
  title: string;
  empty: string;
  items: QueueItem[];
  /** How many there are in all, when the queue shows only the first few. */
  count?: number;
  more?: { href: string; text: string };
};
