from culturelint.cli import main

main()
