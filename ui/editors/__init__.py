"""Editors that open as workspace tabs (a record each): the request editor."""
