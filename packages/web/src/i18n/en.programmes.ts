/** Messages of programmes, documents and activities (en). */
export const enProgrammes = {};
