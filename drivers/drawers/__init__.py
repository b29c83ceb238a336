"""Cash drawers: kicked through the receipt printer, or on their own serial port."""
