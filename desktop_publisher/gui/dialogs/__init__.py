"""The dialogs: the post editor, accounts, settings, the keyring and the small post dialogs."""
