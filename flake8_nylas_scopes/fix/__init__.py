"""Fixes: the plan, the LibCST edits, their guard and exact text edits."""
