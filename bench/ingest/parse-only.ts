import type { Tick } from "@/lib/domain/market-data";
import type { MessageHandler } from "../harness/passes";

/** The baseline: parse each message and read one field, so the parse cannot be optimized away. */
export class ParseOnly implements MessageHandler {
  checksum = 0;

  handle(message: string): void {
    this.checksum += (JSON.parse(message) as Tick).price;
  }
}
