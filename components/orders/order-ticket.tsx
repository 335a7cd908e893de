"use client";

import { useState, type FormEvent } from "react";
import type { OrderSide, OrderType } from "@/lib/domain/order";
import { newClientOrderId } from "@/lib/client/client-order-id";
import { describeOrderError, describeOrderResult } from "@/lib/client/order-result";
import { needsPrice, validateTicket } from "@/lib/client/ticket-validation";
import { usePlaceOrder } from "@/lib/client/use-order-actions";
import { Panel } from "@/components/ui/panel";
import { SideToggle } from "@/components/orders/side-toggle";
import { TicketResult, type TicketMessage } from "@/components/orders/ticket-result";

interface OrderTicketProps {
  symbols: readonly string[];
  symbol: string;
  onSymbolChange: (symbol: string) => void;
}

const ORDER_TYPES: readonly OrderType[] = ["MARKET", "LIMIT", "STOP"];

/** Manual order entry; every submission gets a fresh client order id and goes through the server's risk checks. */
export function OrderTicket({ symbols, symbol, onSymbolChange }: OrderTicketProps) {
  const [side, setSide] = useState<OrderSide>("BUY");
  const [type, setType] = useState<OrderType>("MARKET");
  const [quantity, setQuantity] = useState("");
  const [price, setPrice] = useState("");
  const [message, setMessage] = useState<TicketMessage | null>(null);
  const placeOrder = usePlaceOrder();
  const priced = needsPrice(type);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (placeOrder.isPending) return;
    const invalid = validateTicket(type, quantity, price);
    if (invalid) {
      setMessage({ outcome: "invalid", text: invalid });
      return;
    }
    setMessage(null);
    placeOrder.mutate(
      {
        symbol,
        side,
        type,
        quantity: quantity.trim(),
        price: priced ? price.trim() : undefined,
        clientOrderId: newClientOrderId(),
      },
      {
        onSuccess: (result) => setMessage(describeOrderResult(result)),
        onError: (error) => setMessage(describeOrderError(error)),
      },
    );
  }

  return (
    <Panel title="Order ticket" span={4}>
      <form className="ticket" data-testid="order-ticket" aria-label="Order ticket" onSubmit={submit} noValidate>
        <label className="field">
          <span>Symbol</span>
          <select value={symbol} onChange={(e) => onSymbolChange(e.target.value)} data-testid="ticket-symbol">
            {symbols.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <SideToggle value={side} onChange={setSide} />
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(ORDER_TYPES.find((t) => t === e.target.value) ?? "MARKET")} data-testid="ticket-type">
            {ORDER_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Quantity</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="ticket-quantity"
          />
        </label>
        <label className="field">
          <span>{type === "STOP" ? "Stop price" : "Limit price"}</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={priced ? "0.00" : "at market"}
            value={priced ? price : ""}
            disabled={!priced}
            onChange={(e) => setPrice(e.target.value)}
            data-testid="ticket-price"
          />
        </label>
        <button
          type="submit"
          className={`button ticket-submit ${side === "BUY" ? "button-buy" : "button-sell"}`}
          disabled={placeOrder.isPending}
          data-testid="ticket-submit"
        >
          {placeOrder.isPending ? "Submitting…" : `${side === "BUY" ? "Buy" : "Sell"} ${symbol}`}
        </button>
        <TicketResult message={message} />
      </form>
    </Panel>
  );
}
