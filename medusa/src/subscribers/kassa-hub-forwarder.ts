// Forwards Medusa's events to the Kassa hub: Medusa v2 has no outbound webhooks.
//
// Each event is POSTed to KASSA_HUB_WEBHOOK_URL as JSON {id, event, data, metadata, enriched},
// signed: x-kassa-signature = "v1=" + hex(HMAC-SHA256(KASSA_HUB_WEBHOOK_SECRET,
// timestamp + "." + body)), with x-kassa-timestamp (ms since the epoch) and x-kassa-event-id.
// Medusa's events carry no id of their own, so the id is a hash of what identifies the
// emission (name, data, emitted-at, event group): a retry of the same event has the same id and
// the hub drops it. Events carry ids only; inventory levels (the busy ones) are enriched here,
// everything else the hub re-reads by id through the Admin API.
//
// A failure (hub down, refused, timeout) throws: with the Redis event bus and jobOptions.attempts
// (medusa-config.ts) the event is retried; the hub's reconciliation poll covers the rest.
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash, createHmac } from "node:crypto"

const TIMEOUT_MS = 3000

const LEVEL_EVENTS = new Set([
  "inventory-level.created", "inventory-level.updated",
  "inventory.inventory-level.created", "inventory.inventory-level.updated",
])

let warned = false

function eventId(name: string, data: unknown, metadata: Record<string, unknown>): string {
  const when = metadata?.created_at instanceof Date ? metadata.created_at.toISOString()
    : String(metadata?.created_at ?? "")
  return createHash("sha256")
    .update(JSON.stringify([name, data, when, metadata?.eventGroupId ?? null]))
    .digest("hex").slice(0, 40)
}

function sign(secret: string, timestamp: string, body: string): string {
  return "v1=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")
}

async function enrich(name: string, data: any, container: any): Promise<unknown> {
  if (!LEVEL_EVENTS.has(name) || typeof data?.id !== "string") {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: levels } = await query.graph({
    entity: "inventory_level",
    fields: ["id", "location_id", "stocked_quantity", "reserved_quantity",
             "available_quantity", "metadata", "inventory_item.sku"],
    filters: { id: data.id },
  })
  return levels[0] ?? null
}

export default async function forwardToHub({ event, container }: SubscriberArgs<any>) {
  const url = process.env.KASSA_HUB_WEBHOOK_URL
  const secret = process.env.KASSA_HUB_WEBHOOK_SECRET
  if (!url || !secret) {
    if (!warned) {
      warned = true
      console.warn("kassa-hub-forwarder: KASSA_HUB_WEBHOOK_URL or _SECRET unset; not forwarding")
    }
    return
  }
  const metadata = (event.metadata ?? {}) as Record<string, unknown>
  const id = eventId(event.name, event.data, metadata)
  const body = JSON.stringify({
    id, event: event.name, data: event.data, metadata,
    enriched: await enrich(event.name, event.data, container),
  })
  const timestamp = String(Date.now())
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-kassa-event-id": id,
      "x-kassa-timestamp": timestamp,
      "x-kassa-signature": sign(secret, timestamp, body),
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  // 409: the hub already has this event (a retry after a lost answer): delivered.
  if (!response.ok && response.status !== 409) {
    throw new Error(`kassa hub refused ${event.name} ${id}: HTTP ${response.status}`)
  }
}

export const config: SubscriberConfig = {
  event: [
    "order.placed", "order.updated", "order.canceled", "order.completed", "order.archived",
    "order.fulfillment_created", "order.fulfillment_canceled", "delivery.created",
    "shipment.created", "order.return_requested", "order.return_received",
    "customer.created", "customer.updated", "customer.deleted",
    ...LEVEL_EVENTS,
    "reservation-item.created", "reservation-item.updated", "reservation-item.deleted",
  ],
  context: { subscriberId: "kassa-hub-forwarder" },
}
