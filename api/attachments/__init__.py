"""Files sent with messages: what the bytes are, made safe to show, and links to them."""
