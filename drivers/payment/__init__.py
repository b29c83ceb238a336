"""Card payment terminals (semi-integrated: the till sends an amount, the terminal handles the
card; the till never sees card data beyond a masked PAN and the brand).

- ``terminal``     ``PaymentTerminal`` (the till's interface) and the values it returns
- ``zvt_codec``    ZVT APDU framing, BCD, BMP fields and BER-TLV (pure, no I/O)
- ``zvt_messages`` ZVT commands (ECR -> PT), PT messages decoded
- ``zvt_texts``    result-code and intermediate-status texts in plain English
- ``zvt_client``   ``ZvtTerminal``: register / purchase / refund / reversal / end of day /
                   repeat receipt / status enquiry / abort, over TCP or serial
- ``zvt_framing``  the serial link layer (DLE STX ... DLE ETX CRC), pure
- ``zvt_serial``   ``ZvtSerialTransport``: that framing over a serial port, ACK/NAK, retries
"""
