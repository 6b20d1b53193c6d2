from desktop_publisher.cli import main

raise SystemExit(main())
