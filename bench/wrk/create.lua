-- wrk script (bench/sandbox_scale.sh): POSTs single-TN orders to the sandbox as demo-user-1,
-- each with its own PON, customer order id and TN, on the plain FOC path (lines 0000-0999; 800
-- exchanges of NPA 919 give 800,000 distinct TNs).
--   OFFSET  the first order number (default 0)
--   QUOTA   exit once this many answers arrived (run with one thread: -t1); 0 = run for -d
--   THREADS wrk's -t (default 2): the threads number their orders in turn
local counter = 0
local offset = tonumber(os.getenv("OFFSET") or "0")
local quota = tonumber(os.getenv("QUOTA") or "0")
local answered = 0
-- demo-user-1:demo-password-1, the demo account's API user (docs/sandbox.md)
local auth = "Basic ZGVtby11c2VyLTE6ZGVtby1wYXNzd29yZC0x"

local threads = tonumber(os.getenv("THREADS") or "2")

function setup(thread)
  thread:set("thread_index", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end

request = function()
  local n = offset + counter * threads + (thread_index or 0)
  counter = counter + 1
  local nxx = 200 + math.floor(n / 1000) % 800
  if nxx % 100 == 11 then nxx = nxx + 1 end -- N11 codes are not exchanges
  local tn = string.format("919%03d%04d", nxx, n % 1000)
  local pon = "SCALE-" .. n
  local body = "<LsrOrder><Pon>" .. pon .. "</Pon><CustomerOrderId>" .. pon ..
    "</CustomerOrderId><AuthorizingPerson>Jim Hopkins</AuthorizingPerson><Subscriber>" ..
    "<SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme</BusinessName>" ..
    "<ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park</StreetName>" ..
    "<City>Raleigh</City><StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress>" ..
    "</Subscriber><ListOfTelephoneNumbers><TelephoneNumber>" .. tn ..
    "</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>"
  return wrk.format("POST", nil, {["Authorization"] = auth, ["Content-Type"] = "application/xml"}, body)
end

response = function(status, headers, body)
  answered = answered + 1
  if quota > 0 and answered >= quota then
    os.exit(0)
  end
end
