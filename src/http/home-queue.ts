// A work queue on the staff home page, as home.njk shows it. Any feature may build one (volunteers' alerts, meetings'
// requests); home only gathers them, so the features need nothing from home. Its words are in the reader's
// language already: the feature writes them with the request's t(), and home.njk shows them as they are.
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
