export const controls = {}
