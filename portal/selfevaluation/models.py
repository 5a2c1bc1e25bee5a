"""The ROPS's yearly self-evaluation questionnaire and each OWES's answers."""
