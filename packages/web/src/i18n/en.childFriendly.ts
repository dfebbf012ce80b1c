/** Messages of the child-friendly commune assessment (en). */
export const enChildFriendly = {};
