/**
 * How a bridge command failed. The class tells the venue layer what happened to the order; `message` is in plain
 * words for the user.
 */
export class Mt5BridgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command never reached the EA (not connected, or still busy with an earlier one): it will not execute later. */
export class Mt5Unreachable extends Mt5BridgeError {}

/** The command was handed to the EA but no reply came in time: it may or may not have executed. Never resend it. */
export class Mt5NoReply extends Mt5BridgeError {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

/** The EA answered with a guard reply (`..._ABORTED_COMMAND`): the command did not execute. */
export class Mt5CommandAborted extends Mt5BridgeError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The bridge was stopped before the command was sent. */
export class Mt5BridgeStopped extends Mt5Unreachable {}
