export const cookieJar = {}
