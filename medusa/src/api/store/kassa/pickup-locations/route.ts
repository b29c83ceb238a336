// GET /store/kassa/pickup-locations: where a cart (or some variants) can be picked up now.
//
// Click & collect is offered only where the chosen store has the stock. Medusa itself offers
// every pickup shipping option whatever the store holds, and then reserves the goods at any
// location of the sales channel (the trap in ../shared/notes/medusa-v2.md §6.1). The web shop
// asks this route first and shows only the stores that answer `can_pickup: true`.
// Here, not in the hub: Medusa knows the web reservations (stocked - reserved is what a new
// order can take), and the storefront already talks to the Store API with its publishable key.
//
// Query: ?cart_id=cart_... or ?variant_id=variant_...&quantity=2 (repeatable, in pairs).
// Answer: {"locations": [{"location_id", "store_id" (metadata.kassa_store_id), "name",
//          "shipping_option_ids", "can_pickup", "missing": [{"variant_id", "sku",
//          "wanted", "available"}]}]}: every stock location with a fulfilment set of type
//          `pickup` (serving the cart's sales channel), best first.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"

type Wanted = Map<string, number> // variant id -> quantity

const num = (value: unknown): number => MathBN.convert((value ?? 0) as any).toNumber()
const list = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String)

async function wantedItems(req: MedusaRequest, query: any)
    : Promise<{ wanted: Wanted; channel?: string } | string> {
  const q = req.query as Record<string, unknown>
  const wanted: Wanted = new Map()
  if (typeof q.cart_id === "string" && q.cart_id) {
    const { data } = await query.graph({
      entity: "cart", filters: { id: q.cart_id },
      fields: ["id", "sales_channel_id", "items.variant_id", "items.quantity"] })
    if (!data.length) return `no cart ${q.cart_id}`
    for (const item of data[0].items ?? []) {
      if (item?.variant_id) {
        wanted.set(item.variant_id, (wanted.get(item.variant_id) ?? 0) + num(item.quantity))
      }
    }
    return { wanted, channel: data[0].sales_channel_id ?? undefined }
  }
  const variants = list(q.variant_id)
  const quantities = list(q.quantity)
  if (!variants.length || variants.length > 100) {
    return "cart_id, or 1 to 100 variant_id (each with a quantity, default 1)"
  }
  for (const [i, id] of variants.entries()) {
    const quantity = Number(quantities[i] ?? 1)
    if (!Number.isFinite(quantity) || quantity <= 0) return `quantity[${i}]: a positive number`
    wanted.set(id, (wanted.get(id) ?? 0) + quantity)
  }
  return { wanted }
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query: any = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const asked = await wantedItems(req, query)
  if (typeof asked === "string") {
    res.status(400).json({ type: "invalid_data", message: asked })
    return
  }
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "metadata", "sales_channels.id", "fulfillment_sets.type",
             "fulfillment_sets.service_zones.shipping_options.id"] })
  const pickup = locations
    .map((loc: any) => ({
      loc,
      options: (loc.fulfillment_sets ?? []).filter((s: any) => s?.type === "pickup")
        .flatMap((s: any) => (s.service_zones ?? []).flatMap(
          (z: any) => (z.shipping_options ?? []).map((o: any) => o.id))) }))
    .filter(({ loc, options }: any) => options.length > 0 && (!asked.channel
      || (loc.sales_channels ?? []).some((sc: any) => sc?.id === asked.channel)))

  const variantIds = [...asked.wanted.keys()]
  const { data: variants } = variantIds.length === 0 ? { data: [] } : await query.graph({
    entity: "variant", filters: { id: variantIds },
    fields: ["id", "sku", "manage_inventory", "allow_backorder",
             "inventory_items.inventory_item_id", "inventory_items.required_quantity"] })
  const managed = variants.filter((v: any) => v.manage_inventory && !v.allow_backorder)
  const itemIds = [...new Set<string>(managed.flatMap(
    (v: any) => (v.inventory_items ?? []).map((l: any) => l.inventory_item_id)))]
  const inventory: any = req.scope.resolve(Modules.INVENTORY)
  const levels: any[] = itemIds.length === 0 || pickup.length === 0 ? [] :
    await inventory.listInventoryLevels(
      { inventory_item_id: itemIds, location_id: pickup.map((p: any) => p.loc.id) },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] })
  const available = (item: string, location: string) => {
    const level = levels.find((l) => l.inventory_item_id === item && l.location_id === location)
    return level ? num(level.stocked_quantity) - num(level.reserved_quantity) : 0
  }

  const known = new Set(variants.map((v: any) => v.id))
  const answer = pickup.map(({ loc, options }: any) => {
    const missing: Record<string, unknown>[] = variantIds.filter((id) => !known.has(id))
      .map((id) => ({ variant_id: id, sku: null, wanted: asked.wanted.get(id), available: 0 }))
    for (const variant of managed) {
      const wanted = asked.wanted.get(variant.id) ?? 0
      // A variant made of several inventory items is as available as its scarcest part.
      const can = Math.min(...(variant.inventory_items ?? []).map((link: any) =>
        Math.floor(available(link.inventory_item_id, loc.id) / num(link.required_quantity || 1))))
      if (can < wanted) {
        missing.push({ variant_id: variant.id, sku: variant.sku, wanted,
                       available: Math.max(0, Number.isFinite(can) ? can : 0) })
      }
    }
    return { location_id: loc.id, store_id: loc.metadata?.kassa_store_id ?? null,
             name: loc.name, shipping_option_ids: options, can_pickup: missing.length === 0,
             missing }
  })
  answer.sort((a: any, b: any) => Number(b.can_pickup) - Number(a.can_pickup))
  res.json({ locations: answer })
}
