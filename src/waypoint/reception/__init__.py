"""Reception: centres, beds, stays (admission, transfer, exit), roll-calls and services."""
