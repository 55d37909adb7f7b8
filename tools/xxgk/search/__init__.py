"""Chinese full-text search: one tokenizer for index and query, and the sharded index."""
