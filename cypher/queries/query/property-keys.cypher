// The console's completion: the property keys in use.
CALL db.propertyKeys() YIELD propertyKey
RETURN propertyKey
