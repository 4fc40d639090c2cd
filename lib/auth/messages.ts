// What people are told when sign-in fails: one message, whatever the cause, so nothing leaks.
export const GENERIC_SIGN_IN_ERROR =
  "The email address or password is not right, or this account cannot sign in at the moment. Check them and try again, or contact your system administrator.";
