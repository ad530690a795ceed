from guide.cli.app import main

main()
