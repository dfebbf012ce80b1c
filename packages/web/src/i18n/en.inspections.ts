/** Messages of inspections and supervision (en). */
export const enInspections = {};
