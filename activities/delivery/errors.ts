// A failed send says whether trying again can help: a rejected recipient cannot, a busy server can.
export class SendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}
