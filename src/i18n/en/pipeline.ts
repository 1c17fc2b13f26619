export const pipeline = {}
