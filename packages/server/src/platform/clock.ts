import { v7 as uuidv7 } from 'uuid';

/** Time and ids are injected so tests control them and services stay deterministic. */
export type Clock = () => Date;
export type IdGenerator = () => string;

export const systemClock: Clock = () => new Date();
/** UUIDv7: time-ordered, so new rows land at the end of primary-key indexes. */
export const uuidV7: IdGenerator = () => uuidv7();
