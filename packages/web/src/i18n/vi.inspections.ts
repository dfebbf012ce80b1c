/** Messages of inspections and supervision (vi). */
export const viInspections = {};
