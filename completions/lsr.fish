# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_lsr_global_optspecs
    string join \n profile= sandbox base-url= account-id= client-secret-file= json o/output= color= q/quiet v/verbose y/yes no-input h/help V/version
end

function __fish_lsr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_lsr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_lsr_using_subcommand
    set -l cmd (__fish_lsr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c lsr -n "__fish_lsr_needs_command" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_needs_command" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_needs_command" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_needs_command" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_needs_command" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_needs_command" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_needs_command" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_needs_command" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_needs_command" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_needs_command" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_needs_command" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_needs_command" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_needs_command" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "submit" -d 'Submit a new port-out LSR'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "supp" -d 'Supplement an open order: move the requested FOC date or correct the end user\'s details'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "cancel" -d 'Cancel one or more open orders'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "resubmit" -d 'Place a new order from an existing one, cancelling it first if it is still open'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "search" -d 'Search orders by PON, TN, status, customer order id or creation date'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "status" -d 'Show an order\'s status, FOC date, window, errors explained and next steps'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "history" -d 'Show the backend\'s history of an order: every event with its time, the status after it, the backend\'s note, who did it and what changed (`Field : old --> new`), oldest first'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "notes" -d 'List an order\'s notes, or add one with `add TEXT`'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "validate" -d 'Check an order offline: every problem at once, with Bandwidth\'s codes; sends nothing'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "explain" -d 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "foc-window" -d 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "batch" -d 'List, inspect and resume split submissions'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "watch" -d 'Watch orders live until each reaches a final state'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "email" -d 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth\'s port-out desk'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "auth" -d 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "config" -d 'Create, show and change the configuration'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "sandbox" -d 'Run and control the local porting backend'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "completions" -d 'Print a completion script for SHELL'
complete -c lsr -n "__fish_lsr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l from -d 'Read the order from FILE (TOML or JSON)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l pon -d 'Purchase Order Number: 1–25 letters, digits, #, - or _' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l customer-order-id -d 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l requested-foc-date -l foc -d 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l spid -d 'NPAC SPID of the winning carrier (4 letters or digits)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l btn -d 'Billing telephone number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l auth-person -d 'Person authorising the port' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l subscriber-type -d 'End-user type' -r -f -a "business\t''
residential\t''"
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l business-name -d 'Business name (business subscribers; at most 25 characters)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l first-name -d 'First name (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l middle-initial -d 'Middle initial (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l last-name -d 'Last name (required for residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l account-number -d 'Account number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l pin -d 'The end user\'s port-out PIN (passcode)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l house-number -d 'Service address: house number' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l street -d 'Service address: street name' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l city -d 'Service address: city' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l state -d 'Service address: two-letter state code' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l zip -d 'Service address: ZIP code (12345 or 12345-6789)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l address-line2 -d 'Service address: second line (suite, unit)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l tn -d 'A telephone number to port (repeatable; any common format)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l tn-file -d 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l split -d 'Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l concurrency -d 'How many orders of a split to send at once' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l wait -d 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)' -r -f -a "foc\t'Until the order has a FOC date (or ends)'
final\t'Until the order reaches a final status'"
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l timeout -d 'Give up waiting after this long (e.g. 90s, 10m, 2h)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l dry-run -d 'Check and print what would be sent; send nothing'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l force -d 'Send even when the pre-submission checks find errors'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand submit" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l pon -d 'Purchase Order Number: 1–25 letters, digits, #, - or _' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l customer-order-id -d 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l requested-foc-date -l foc -d 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l spid -d 'NPAC SPID of the winning carrier (4 letters or digits)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l btn -d 'Billing telephone number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l auth-person -d 'Person authorising the port' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l subscriber-type -d 'End-user type' -r -f -a "business\t''
residential\t''"
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l business-name -d 'Business name (business subscribers; at most 25 characters)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l first-name -d 'First name (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l middle-initial -d 'Middle initial (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l last-name -d 'Last name (required for residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l account-number -d 'Account number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l pin -d 'The end user\'s port-out PIN (passcode)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l house-number -d 'Service address: house number' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l street -d 'Service address: street name' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l city -d 'Service address: city' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l state -d 'Service address: two-letter state code' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l zip -d 'Service address: ZIP code (12345 or 12345-6789)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l address-line2 -d 'Service address: second line (suite, unit)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l wait -d 'Wait until the order has a FOC date (`foc`) or reaches a final status (`final`)' -r -f -a "foc\t'Until the order has a FOC date (or ends)'
final\t'Until the order reaches a final status'"
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l timeout -d 'Give up waiting after this long (e.g. 90s, 10m, 2h)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand supp" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l dry-run -d 'Show what would be cancelled; change nothing and ask nothing'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand cancel" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l pon -d 'Purchase Order Number: 1–25 letters, digits, #, - or _' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l customer-order-id -d 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l requested-foc-date -l foc -d 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l spid -d 'NPAC SPID of the winning carrier (4 letters or digits)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l btn -d 'Billing telephone number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l auth-person -d 'Person authorising the port' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l subscriber-type -d 'End-user type' -r -f -a "business\t''
residential\t''"
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l business-name -d 'Business name (business subscribers; at most 25 characters)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l first-name -d 'First name (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l middle-initial -d 'Middle initial (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l last-name -d 'Last name (required for residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l account-number -d 'Account number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l pin -d 'The end user\'s port-out PIN (passcode)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l house-number -d 'Service address: house number' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l street -d 'Service address: street name' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l city -d 'Service address: city' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l state -d 'Service address: two-letter state code' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l zip -d 'Service address: ZIP code (12345 or 12345-6789)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l address-line2 -d 'Service address: second line (suite, unit)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l remove-tn -d 'Leave this TN out of the new order (repeatable; any common format). It must be on the old order' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l split -d 'Split the new order: `per-tn` or N (at most N TNs each)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l concurrency -d 'How many orders of a split to send at once' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l wait -d 'Wait until the new order has a FOC date (`foc`) or reaches a final status (`final`)' -r -f -a "foc\t'Until the order has a FOC date (or ends)'
final\t'Until the order reaches a final status'"
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l timeout -d 'Give up waiting after this long (e.g. 90s, 10m, 2h)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l dry-run -d 'Print what would be cancelled and sent; change nothing'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l force -d 'Send even when the pre-submission checks find errors'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand resubmit" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand search" -l pon -d 'Orders with this PON (all versions)' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l tn -d 'Orders containing this telephone number (any common format)' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l status -d 'Orders in this status (repeatable): PENDING, FOC, EXCEPTION, COMPLETE, PARTIAL, CANCELLED or FAILED' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l customer-order-id -d 'Orders with this customer order id' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l created-from -d 'Created on or after this date (YYYY-MM-DD)' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l created-to -d 'Created on or before this date (YYYY-MM-DD)' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand search" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand search" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand search" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand search" -l local -d 'Search the local history store only (no network; works when the backend is down)'
complete -c lsr -n "__fish_lsr_using_subcommand search" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand search" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand search" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand search" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand search" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand search" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand search" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand status" -l wait -d 'Poll until the order has a FOC date (`foc`) or reaches a final status (`final`)' -r -f -a "foc\t'Until the order has a FOC date (or ends)'
final\t'Until the order reaches a final status'"
complete -c lsr -n "__fish_lsr_using_subcommand status" -l timeout -d 'Give up waiting after this long (exit 8), e.g. 90s, 10m, 2h' -r
complete -c lsr -n "__fish_lsr_using_subcommand status" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand status" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand status" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand status" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand status" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand status" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand status" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand status" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand status" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand status" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand status" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand status" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand status" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand history" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand history" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand history" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand history" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand history" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand history" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand history" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand history" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand history" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand history" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand history" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand history" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand history" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand notes" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l from -d 'Read the order from FILE (TOML or JSON)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l pon -d 'Purchase Order Number: 1–25 letters, digits, #, - or _' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l customer-order-id -d 'Your own reference for the order (letters, digits, spaces, dashes; at most 40)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l requested-foc-date -l foc -d 'Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l spid -d 'NPAC SPID of the winning carrier (4 letters or digits)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l btn -d 'Billing telephone number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l auth-person -d 'Person authorising the port' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l subscriber-type -d 'End-user type' -r -f -a "business\t''
residential\t''"
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l business-name -d 'Business name (business subscribers; at most 25 characters)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l first-name -d 'First name (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l middle-initial -d 'Middle initial (residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l last-name -d 'Last name (required for residential subscribers)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l account-number -d 'Account number at the losing carrier' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l pin -d 'The end user\'s port-out PIN (passcode)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l house-number -d 'Service address: house number' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l street -d 'Service address: street name' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l city -d 'Service address: city' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l state -d 'Service address: two-letter state code' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l zip -d 'Service address: ZIP code (12345 or 12345-6789)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l address-line2 -d 'Service address: second line (suite, unit)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l tn -d 'A telephone number to port (repeatable; any common format)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l tn-file -d 'Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV with a `tn` column' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand validate" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand explain" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand foc-window" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -f -a "list" -d 'List batches, newest first'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -f -a "show" -d 'Show every child of a batch and its outcome'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -f -a "resume" -d 'Finish an interrupted batch without sending any child twice'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and not __fish_seen_subcommand_from list show resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l concurrency -d 'How many children to send at once' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "list" -d 'List batches, newest first'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every child of a batch and its outcome'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Finish an interrupted batch without sending any child twice'
complete -c lsr -n "__fish_lsr_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l pon -d 'Watch every version of this PON' -r
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l interval -d 'Seconds between polls' -r
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand watch" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand email" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand email" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand email" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand email" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand email" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand email" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand email" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand email" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand email" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand email" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand email" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand email" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand email" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand email" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show the profile\'s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove the profile\'s client secret (keychain and config file) and its cached tokens'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l client-id -d 'The OAuth2 client id (default: LSR_CLIENT_ID or the profile\'s; asked on a terminal)' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile\'s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the profile\'s client secret (keychain and config file) and its cached tokens'
complete -c lsr -n "__fish_lsr_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -f -a "init" -d 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -f -a "show" -d 'Show the resolved configuration, where each value came from, secrets redacted'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -f -a "set" -d 'Set a value in the current profile (--profile), or a top-level key'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -f -a "path" -d 'Print the config directory and the files lsr keeps in it'
complete -c lsr -n "__fish_lsr_using_subcommand config; and not __fish_seen_subcommand_from init show set path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Overwrite an existing file'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the resolved configuration, where each value came from, secrets redacted'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a value in the current profile (--profile), or a top-level key'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config directory and the files lsr keeps in it'
complete -c lsr -n "__fish_lsr_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "serve" -d 'Run the sandbox HTTP server'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "clock" -d 'Show or move the sandbox clock'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "npac" -d 'Simulate the NPAC side of a port'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "inventory" -d 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "faults" -d 'Inject latency, errors and dropped connections'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "reset" -d 'Delete every order and restore the demo accounts'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and not __fish_seen_subcommand_from serve clock npac inventory faults reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l listen -d 'Address to listen on (loopback unless told otherwise)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l data -d 'Directory for the SQLite store (default: under the config dir)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l processing-delay -d 'Seconds between a POST and processing of the order' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -f -a "show" -d 'Print the sandbox time'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -f -a "set" -d 'Set the sandbox time (RFC 3339 or YYYY-MM-DD)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -f -a "advance" -d 'Move the sandbox time forward (e.g. 6h, 2d, 90m)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from clock" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -f -a "subscribe" -d 'Record the gaining carrier\'s subscriptions for an order\'s TNs'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -f -a "activate" -d 'Activate the subscriptions (from the FOC date, once concurred, inside the window)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from npac" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -f -a "add" -d 'Give a TN an explicit behaviour, overriding its line rule'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from inventory" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -f -a "set" -d 'Set faults'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -f -a "clear" -d 'Remove every fault'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -f -a "show" -d 'Print the current faults'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from faults" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l url -d 'A running sandbox to control (default: the embedded store under the config dir)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Run the sandbox HTTP server'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "clock" -d 'Show or move the sandbox clock'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "npac" -d 'Simulate the NPAC side of a port'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "inventory" -d 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "faults" -d 'Inject latency, errors and dropped connections'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete every order and restore the demo accounts'
complete -c lsr -n "__fish_lsr_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l profile -d 'Configuration profile to use' -r
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l base-url -d 'Backend base URL (https required except on loopback)' -r
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l account-id -d 'Bandwidth account id' -r
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l client-secret-file -d 'Read the OAuth2 client secret from FILE (`-`: stdin)' -r -F
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s o -l output -d 'Output format: tables on a terminal, TSV without headers when piped, or JSON' -r -f -a "table\t''
json\t''
tsv\t''"
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l color -d 'When to use colours (honours NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l sandbox -d 'Use the embedded sandbox backend'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout (same as --output json)'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s q -l quiet -d 'Print less: no notes or hints on stderr'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s v -l verbose -d 'Print more detail (secrets are always redacted)'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s y -l yes -d 'Answer yes to every confirmation (needed for destructive commands off a terminal)'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -l no-input -d 'Never prompt; missing input is an error'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lsr -n "__fish_lsr_using_subcommand completions" -s V -l version -d 'Print version'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "submit" -d 'Submit a new port-out LSR'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "supp" -d 'Supplement an open order: move the requested FOC date or correct the end user\'s details'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "cancel" -d 'Cancel one or more open orders'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "resubmit" -d 'Place a new order from an existing one, cancelling it first if it is still open'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "search" -d 'Search orders by PON, TN, status, customer order id or creation date'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "status" -d 'Show an order\'s status, FOC date, window, errors explained and next steps'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "history" -d 'Show the backend\'s history of an order: every event with its time, the status after it, the backend\'s note, who did it and what changed (`Field : old --> new`), oldest first'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "notes" -d 'List an order\'s notes, or add one with `add TEXT`'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "validate" -d 'Check an order offline: every problem at once, with Bandwidth\'s codes; sends nothing'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "explain" -d 'Explain a Bandwidth code or an FAQ topic in plain words, with what to do next'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "foc-window" -d 'Show the 10 business days a FOC date is valid for (day 1 = the FOC date)'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "batch" -d 'List, inspect and resume split submissions'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "watch" -d 'Watch orders live until each reaches a final state'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "email" -d 'Print a ready-to-send email draft (To, Subject, body) to Bandwidth\'s port-out desk'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "auth" -d 'Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "config" -d 'Create, show and change the configuration'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "sandbox" -d 'Run and control the local porting backend'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "completions" -d 'Print a completion script for SHELL'
complete -c lsr -n "__fish_lsr_using_subcommand help; and not __fish_seen_subcommand_from submit supp cancel resubmit search status history notes validate explain foc-window batch watch email auth config sandbox completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "list" -d 'List batches, newest first'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "show" -d 'Show every child of a batch and its outcome'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "resume" -d 'Finish an interrupted batch without sending any child twice'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Check OAuth2 client credentials and save them in the profile (secret in the keychain)'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile\'s sign-in: environment, URLs, client id, accounts, roles, token expiry and where the secret lives. Exit 6 when no token can be had'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the profile\'s client secret (keychain and config file) and its cached tokens'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a starting config.toml (mode 0600) with Bandwidth production and test profiles'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the resolved configuration, where each value came from, secrets redacted'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a value in the current profile (--profile), or a top-level key'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config directory and the files lsr keeps in it'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Run the sandbox HTTP server'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "clock" -d 'Show or move the sandbox clock'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "npac" -d 'Simulate the NPAC side of a port'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "inventory" -d 'Show the TN-line behaviour table, or add TNs with explicit behaviour'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "faults" -d 'Inject latency, errors and dropped connections'
complete -c lsr -n "__fish_lsr_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Delete every order and restore the demo accounts'
