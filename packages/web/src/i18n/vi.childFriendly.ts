/** Messages of the child-friendly commune assessment (vi). */
export const viChildFriendly = {};
