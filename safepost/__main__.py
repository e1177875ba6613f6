from safepost.cli import main

main()
