/**
 * Event labels
 * ============
 *
 * How an extracted event's kind is named in its label ("Phone call: A, B"), for the graph and the review queue alike.
 */
export const EVENT_LABELS: Record<string, string> = {
  meeting: "Meeting",
  visit: "Visit",
  talks: "Talks",
  phone_call: "Phone call",
  signing: "Signing",
  press_conference: "Press conference",
  statement: "Statement",
  interview: "Interview",
};
