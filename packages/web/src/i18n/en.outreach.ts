/** Messages of communication, movements, incidents and facilities (en). */
export const enOutreach = {};
