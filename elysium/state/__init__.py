"""The store: the whole game state as plain data, with the queries and rules that read it."""
