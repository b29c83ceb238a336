"""The Medusa v2 connector (issue 9): the hub pushes its catalog, prices and store stock to
Medusa's Admin API (pusher.py, from the hub's feed), and takes Medusa's events at
/v1/medusa/events (webhook.py, inbound.py). See docs/medusa.md. Importing this package imports
nothing: hub.config reads hub.medusa.config on a till's install too."""
