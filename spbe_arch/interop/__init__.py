"""Exchange with other tools: ArchiMate Open Exchange XML, inventories, GraphML/JSON graphs."""
