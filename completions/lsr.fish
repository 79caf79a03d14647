complete --keep-order --exclusive --command lsr --arguments "(COMPLETE=fish lsr -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
