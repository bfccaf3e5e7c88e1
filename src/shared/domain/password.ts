// The one password rule the phone, the console and the server share (issue 14).
export const MIN_PASSWORD_LENGTH = 10;
