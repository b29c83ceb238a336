// POST /admin/kassa/stock: the hub's store stock, applied to Medusa as deltas.
//
// The core Admin API only *sets* stocked_quantity, which would overwrite what Medusa itself
// did to the level meanwhile (a web order fulfilled from the store). So the hub sends the
// quantity it holds for (sku, store), and this route adds the difference from the quantity
// it last applied (kept in the level's metadata as `kassa_hub_quantity`) to stocked_quantity.
// That makes a push idempotent: a retry of an applied push adds nothing, a lost push is
// covered by the next one, and Medusa's own changes to the level are kept.
//
// Body: {"adjustments": [{"sku": "...", "location_id": "sloc_...", "hub_quantity": 12}]}
// Answer: {"results": [{"sku", "location_id", "delta", "stocked_quantity", "reserved_quantity",
//          "available_quantity"} or {"sku", "location_id", "error"}]}
// The lock is the one Medusa's own inventory steps take (the inventory item id), so a web
// reservation or fulfilment and this route never interleave on one level.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN, Modules } from "@medusajs/framework/utils"

type Adjustment = { sku: string; location_id: string; hub_quantity: number }
type Result = Record<string, unknown>

const MAX_ADJUSTMENTS = 1000

function parse(body: unknown): Adjustment[] | string {
  const list = (body as { adjustments?: unknown })?.adjustments
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ADJUSTMENTS) {
    return `adjustments: a list of 1 to ${MAX_ADJUSTMENTS} items`
  }
  for (const [i, a] of list.entries()) {
    if (typeof a?.sku !== "string" || !a.sku || typeof a?.location_id !== "string"
        || typeof a?.hub_quantity !== "number" || !Number.isFinite(a.hub_quantity)) {
      return `adjustments[${i}]: needs sku, location_id (strings) and hub_quantity (a number)`
    }
  }
  return list as Adjustment[]
}

const num = (value: unknown): number => MathBN.convert(value as any).toNumber()

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const adjustments = parse(req.body)
  if (typeof adjustments === "string") {
    res.status(400).json({ type: "invalid_data", message: adjustments })
    return
  }
  const inventory: any = req.scope.resolve(Modules.INVENTORY)
  const locking: any = req.scope.resolve(Modules.LOCKING)
  const skus = [...new Set(adjustments.map((a) => a.sku))]
  const items: any[] = await inventory.listInventoryItems({ sku: skus }, { select: ["id", "sku"] })
  const itemBySku = new Map(items.map((item) => [item.sku, item.id]))
  const keys = [...new Set(items.map((item) => item.id as string))]

  const results: Result[] = keys.length === 0 ? [] : await locking.execute(keys, async () => {
    const levels: any[] = await inventory.listInventoryLevels(
      { inventory_item_id: keys, location_id: [...new Set(adjustments.map((a) => a.location_id))] },
      { select: ["id", "inventory_item_id", "location_id", "stocked_quantity",
                 "reserved_quantity", "metadata"] })
    const levelOf = (item: string, location: string) =>
      levels.find((l) => l.inventory_item_id === item && l.location_id === location)
    const out: Result[] = []
    for (const a of adjustments) {
      const itemId = itemBySku.get(a.sku)
      if (!itemId) {
        continue
      }
      const level = levelOf(itemId, a.location_id)
      const basis = level ? Number(level.metadata?.kassa_hub_quantity ?? 0) : 0
      const delta = a.hub_quantity - basis
      const metadata = { ...(level?.metadata ?? {}), kassa_hub_quantity: a.hub_quantity }
      try {
        const saved = level
          ? await inventory.updateInventoryLevels({
              id: level.id, inventory_item_id: itemId, location_id: a.location_id,
              stocked_quantity: MathBN.add(level.stocked_quantity, delta), metadata })
          : await inventory.createInventoryLevels({
              inventory_item_id: itemId, location_id: a.location_id,
              stocked_quantity: a.hub_quantity, metadata })
        if (level) {  // a later adjustment of the same level in this body sees this one
          level.stocked_quantity = saved.stocked_quantity
          level.metadata = metadata
        } else {
          levels.push({ ...saved, metadata })
        }
        const stocked = num(saved.stocked_quantity)
        const reserved = num(saved.reserved_quantity ?? 0)
        out.push({ sku: a.sku, location_id: a.location_id, delta, stocked_quantity: stocked,
                   reserved_quantity: reserved, available_quantity: stocked - reserved })
      } catch (error: any) {  // e.g. an unknown location: this item fails, the rest go on
        out.push({ sku: a.sku, location_id: a.location_id,
                   error: String(error?.message ?? error).slice(0, 300) })
      }
    }
    return out
  })
  for (const a of adjustments) {
    if (!itemBySku.has(a.sku)) {
      results.push({ sku: a.sku, location_id: a.location_id, error: "unknown_sku" })
    }
  }
  res.json({ results })
}
