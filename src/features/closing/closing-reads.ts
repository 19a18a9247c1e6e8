// Published by closing for the features above it: the feedback figures of a case type over a period and whether its
// agreements are being kept (features/rj's funder return). Reads only; each caller authorises.
export { aggregateFeedback } from './feedback/feedback.repo.ts';
export { agreementKeptCounts, keptAtFollowUp } from './follow-up/kept-counts.repo.ts';
