/**
 * A point in time as an ISO 8601 string in UTC, e.g. `2026-11-29T09:54:27.000Z`.
 * Every time in the model uses this form; elements show it in the agent's time zone and locale.
 */
export type IsoDateTime = string;

/** A size in bytes. */
export type Bytes = number;

/** A duration in milliseconds. */
export type Milliseconds = number;
