/** Time and identifiers: the only place the app reads the clock or makes ids. */
export interface ClockIds {
  /** The device clock as an ISO instant. */
  now(): string;
  /** A fresh UUIDv7 (time-ordered, made on the device). */
  newId(): string;
}
