"""Card payment terminals (semi-integrated: the till sends an amount, the terminal handles the
card; the till never sees card data beyond a masked PAN and the brand).

- ``zvt_codec``    ZVT APDU framing, BCD, BMP fields and BER-TLV (pure, no I/O)
- ``zvt_messages`` ZVT commands (ECR -> PT), PT messages decoded, result and status texts
- ``zvt_client``   ``ZvtTerminal``: register / purchase / status_enquiry / abort over TCP
"""
