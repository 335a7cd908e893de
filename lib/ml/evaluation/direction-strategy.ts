import type { Bar } from "@/lib/domain/market-data";
import type { Direction } from "@/lib/ml/labels";
import type { Strategy, StrategyDecision } from "@/lib/strategy/strategy";

/**
 * Holds a precomputed direction per bar: on the close of a bar with a direction, targets direction x quantity
 * (long, flat or short) whenever that differs from what it holds. Bars without one keep the position.
 */
export class DirectionStrategy implements Strategy {
  readonly id: string;
  private held: Direction = 0;

  constructor(readonly symbol: string, private readonly directionByOpenTime: ReadonlyMap<number, Direction>, private readonly quantity: string, name = "directions") {
    this.id = `ml-${name}`;
  }

  onBar(closedBar: Bar): StrategyDecision | null {
    const direction = this.directionByOpenTime.get(closedBar.openTime);
    if (direction === undefined || direction === this.held) return null;
    this.held = direction;
    const targetQuantity = direction === 0 ? "0" : direction === 1 ? this.quantity : `-${this.quantity}`;
    return { strategyId: this.id, symbol: this.symbol, targetQuantity, reason: `hold direction ${direction}`, barOpenTime: closedBar.openTime };
  }

  reset(): void {
    this.held = 0;
  }
}
