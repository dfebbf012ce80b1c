/** Messages of communication, movements, incidents and facilities (vi). */
export const viOutreach = {};
