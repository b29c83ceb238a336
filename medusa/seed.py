"""Seed a fresh Medusa over its public HTTP APIs (no TypeScript seed): a secret API key for the
hub, NOK with 25 % MVA included, the Norway region, the web and store sales channels, one stock
location per store (metadata kassa_store_id, which the hub maps its stores by), click & collect in
Oslo and home delivery from Bergen. Prints the ids and keys as JSON.

Standard library only, so ci-up.sh runs it with any python3:
    python3 seed.py http://127.0.0.1:9000 admin@kassa.test <password>
"""

from __future__ import annotations

import base64
import json
import sys
import urllib.error
import urllib.request

STORES = (("S1", "Butikk Oslo", "Storgata 1", "Oslo", "0155", "pickup"),
          ("S2", "Butikk Bergen", "Torgallmenningen 1", "Bergen", "5014", "shipping"))


class Medusa:
    def __init__(self, url: str) -> None:
        self.url, self.auth = url.rstrip("/"), ""

    def call(self, method: str, path: str, body: object | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "content-type": "application/json", "authorization": self.auth})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            detail = error.read()[:500]
            raise SystemExit(f"seed: {method} {path}: {error.code} {detail!r}") from None


def seed(medusa: Medusa, email: str, password: str) -> dict[str, object]:
    token = medusa.call("POST", "/auth/user/emailpass", {"email": email, "password": password})
    medusa.auth = f"Bearer {token['token']}"
    key = medusa.call("POST", "/admin/api-keys", {"title": "kassa-hub", "type": "secret"})
    secret = key["api_key"]["token"]  # shown only now
    medusa.auth = "Basic " + base64.b64encode(f"{secret}:".encode()).decode()

    store = medusa.call("GET", "/admin/stores")["stores"][0]
    medusa.call("POST", f"/admin/stores/{store['id']}", {
        "name": "Kassa Demo AS", "supported_currencies": [
            {"currency_code": "nok", "is_default": True, "is_tax_inclusive": True}]})
    region = medusa.call("POST", "/admin/regions", {
        "name": "Norge", "currency_code": "nok", "countries": ["no"], "automatic_taxes": True,
        "payment_providers": ["pp_system_default"], "is_tax_inclusive": True})["region"]
    medusa.call("POST", "/admin/tax-regions", {
        "country_code": "no", "provider_id": "tp_system",
        "default_tax_rate": {"rate": 25, "code": "MVA25", "name": "MVA 25%"}})

    web = medusa.call("GET", "/admin/sales-channels")["sales_channels"][0]
    medusa.call("POST", f"/admin/sales-channels/{web['id']}",
                {"name": "Nettbutikk", "metadata": {"kassa_channel": "web"}})
    pos = medusa.call("POST", "/admin/sales-channels", {
        "name": "Kassa butikker", "description": "Physical stores (Kassa POS)",
        "metadata": {"kassa_channel": "pos"}})["sales_channel"]
    publishable = medusa.call("GET", "/admin/api-keys?type=publishable")["api_keys"][0]
    profile = medusa.call("GET", "/admin/shipping-profiles?type=default")["shipping_profiles"][0]

    locations: dict[str, str] = {}
    options: dict[str, str] = {}
    for store_id, name, street, city, postcode, kind in STORES:
        location = medusa.call("POST", "/admin/stock-locations", {
            "name": name, "metadata": {"kassa_store_id": store_id},
            "address": {"address_1": street, "city": city, "country_code": "no",
                        "postal_code": postcode}})["stock_location"]
        lid = locations[store_id] = location["id"]
        medusa.call("POST", f"/admin/stock-locations/{lid}/sales-channels",
                    {"add": [web["id"], pos["id"]]})
        medusa.call("POST", f"/admin/stock-locations/{lid}/fulfillment-providers",
                    {"add": ["manual_manual"]})
        with_set = medusa.call(
            "POST", f"/admin/stock-locations/{lid}/fulfillment-sets?fields=id,*fulfillment_sets",
            {"name": f"{city} {kind}", "type": kind})["stock_location"]
        fulfillment_set = with_set["fulfillment_sets"][0]["id"]
        zone = medusa.call("POST", f"/admin/fulfillment-sets/{fulfillment_set}/service-zones"
                           "?fields=id,*service_zones", {
            "name": f"Norge {city}", "geo_zones": [{"type": "country", "country_code": "no"}]})
        zone_id = zone["fulfillment_set"]["service_zones"][0]["id"]
        label = f"Hent i butikk {city}" if kind == "pickup" else "Posten hjemlevering"
        option = medusa.call("POST", "/admin/shipping-options", {
            "name": label, "service_zone_id": zone_id, "shipping_profile_id": profile["id"],
            "provider_id": "manual_manual", "price_type": "flat", "data": {},
            "type": {"label": label, "description": label, "code": kind},
            "prices": [{"currency_code": "nok", "amount": 0 if kind == "pickup" else 79}],
            "rules": [{"attribute": "enabled_in_store", "operator": "eq", "value": "true"},
                      {"attribute": "is_return", "operator": "eq", "value": "false"}],
        })["shipping_option"]
        options[store_id] = option["id"]

    return {"secret_api_key": secret, "publishable_key": publishable["token"],
            "region_id": region["id"], "sales_channels": {"web": web["id"], "pos": pos["id"]},
            "stock_locations": locations, "shipping_options": options,
            "shipping_profile_id": profile["id"]}


if __name__ == "__main__":
    url, email, password = sys.argv[1:4]
    print(json.dumps(seed(Medusa(url), email, password)))
