async def echo(value):
    return value
