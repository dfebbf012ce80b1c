/** Messages of programmes, documents and activities (vi). */
export const viProgrammes = {};
