"""Presence pages: parse with a form, call one service or query, render."""
